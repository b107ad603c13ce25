"""Input contract: pydantic models of the envelope and of each template's body."""
