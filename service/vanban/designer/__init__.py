"""The template designer: sandboxed rendering, lint, preview and the /thiet-ke page."""
