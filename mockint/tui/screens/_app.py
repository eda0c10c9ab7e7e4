"""The typed way for a screen to reach its app (and so its services)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.dom import DOMNode

if TYPE_CHECKING:
    from mockint.tui.app import MockintApp


def mockint_app(node: DOMNode) -> MockintApp:
    """``node.app`` as a :class:`MockintApp` (imported here, late: app.py imports screens)."""
    from mockint.tui.app import MockintApp

    app = node.app
    assert isinstance(app, MockintApp)
    return app
