"""The web UI and REST API over the store (`rasid serve`); `rasid.web.app.create_app` builds it."""
