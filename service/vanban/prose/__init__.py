"""Sentences generated from data, in the style of the seed documents."""
