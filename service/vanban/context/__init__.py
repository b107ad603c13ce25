"""Context: turn validated models into the dict a template sees (texts, blocks, table rows)."""
