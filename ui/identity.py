"""Who is using the app and what they may change. Identity comes from Streamlit's own sign-in
(`st.login`, OpenID Connect, configured in .streamlit/secrets.toml) or from a trusted reverse
proxy's user header (`LENS_TRUSTED_USER_HEADER`, off by default); roles from a small TOML file
(`LENS_ROLES`, default `.streamlit/roles.toml`):

    [users]
    "awa.diallo@un.org" = "admin"
    [domains]
    "un.org" = "editor"
    [default]
    role = "viewer"

With neither sign-in way configured the app is one person's laptop: the user is `local`, an
admin. `LENS_READ_ONLY=1` makes everyone a viewer."""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from ui.i18n import t

ROLES = ("viewer", "editor", "admin")


@dataclass(frozen=True)
class User:
    """The person using the app and their role."""

    name: str
    role: str

    @property
    def can_edit(self) -> bool:
        return self.role in ("editor", "admin")

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"


def read_only() -> bool:
    """LENS_READ_ONLY=1 hides every form (viewers only)."""
    return os.environ.get("LENS_READ_ONLY", "") not in ("", "0", "false")


def current_user() -> User:
    """The signed-in user and role; `local` (admin) when no sign-in is configured."""
    header = os.environ.get("LENS_TRUSTED_USER_HEADER", "").strip()
    name = None
    configured = bool(header) or _login_configured()
    if header:
        name = (st.context.headers.get(header) or "").strip() or None
    elif _login_configured() and getattr(st.user, "is_logged_in", False):
        name = st.user.get("email") or st.user.get("name")
    if not configured:
        return User("local", "viewer" if read_only() else "admin")
    if name is None:
        return User("anonymous", "viewer")
    return User(name, "viewer" if read_only() else role_of(name))


def role_of(name: str, config: dict | None = None) -> str:
    """The role the roles file gives a user: by name, else by e-mail domain, else the default (viewer)."""
    config = _roles_config() if config is None else config
    users = {k.lower(): v for k, v in (config.get("users") or {}).items()}
    domains = {k.lower(): v for k, v in (config.get("domains") or {}).items()}
    key = name.lower()
    role = users.get(key) or (domains.get(key.rsplit("@", 1)[1]) if "@" in key else None)
    role = role or (config.get("default") or {}).get("role", "viewer")
    return role if role in ROLES else "viewer"


def _roles_config() -> dict:
    path = Path(os.environ.get("LENS_ROLES", ".streamlit/roles.toml"))
    if not path.exists():
        return {}
    with path.open("rb") as handle:
        return tomllib.load(handle)


def _login_configured() -> bool:
    try:
        return "auth" in st.secrets
    except Exception:  # no secrets file at all
        return False


def sign_in_bar() -> None:
    """With Streamlit's own sign-in configured (and no proxy header): a sign-in button for a visitor,
    and who is signed in, with which role, and a sign-out button once signed in."""
    if os.environ.get("LENS_TRUSTED_USER_HEADER", "").strip() or not _login_configured():
        return
    if getattr(st.user, "is_logged_in", False):
        user = current_user()
        st.sidebar.caption(t("signed_in_as").format(name=user.name, role=t("role." + user.role)))
        if st.sidebar.button(t("sign_out"), key="lens-sign-out"):
            st.logout()
    else:
        st.sidebar.caption(t("signed_out"))
        if st.sidebar.button(t("sign_in"), key="lens-sign-in", type="primary"):
            st.login()
