"""The Flask layer: configuration, blueprints per audience, forms, error pages and CLI."""
