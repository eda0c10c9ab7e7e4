"""The typed way for a screen to reach its app's services and shared state."""

from __future__ import annotations

from textual.dom import DOMNode

from mockint.tui.context import AppContext


def mockint_app(node: DOMNode) -> AppContext:
    """``node.app`` as the :class:`AppContext` it is (the app is one)."""
    app = node.app
    assert isinstance(app, AppContext)
    return app
