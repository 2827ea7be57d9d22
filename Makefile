.PHONY: test lint docs

test:
	python -m pytest

lint:
	ruff check quotetrack tests bench scripts
	mypy quotetrack

docs:
	python scripts/command_reference.py
