"""The report: its models and its renderers (text, JSON, HTML, CI formats)."""
