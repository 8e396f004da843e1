"""Publishing preflight: what must hold before a campaign site goes on the web.

Knows nothing of MkDocs: the plugin (``generator/mkdocs_plugin/preflight.py``) and the
``appreciate preflight`` command hand it the facts of a site and report its checks.
"""
