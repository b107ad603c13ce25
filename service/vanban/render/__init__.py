"""Rendering: compile a family shell + a body template once, render many, package as .docx."""
