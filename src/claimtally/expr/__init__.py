"""The expression language: syntax tree, parser and interval evaluator."""
