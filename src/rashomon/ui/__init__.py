"""The web UI, served by the API process: pages rendered on the server, no scripts."""
