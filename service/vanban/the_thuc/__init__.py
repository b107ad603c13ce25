"""The official layout (thể thức): family tables and the render-ready official elements."""
