"""The HTTP API (`rashomon serve`)."""
