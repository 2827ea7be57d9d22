"""Showing the record: ``terminal`` (rich renderables for the commands), ``html`` (pages from the
Jinja2 templates in ``templates/``) and ``markdown``; what they word alike is in ``common``.

The dossier they show is built, as plain data, by ``quotetrack.dossier``.
"""
