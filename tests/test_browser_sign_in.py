"""Sign-in proven end to end (issue 26): the real app in headless Chromium signs a person in through
a real OpenID Connect flow against a local identity provider the test starts (oidc-provider-mock,
a Flask app implementing the authorization-code flow; Streamlit's `st.login` speaks to it through
Authlib as it would to Entra ID or Okta). The Sign in button, the provider's page, back to Lens
signed in with the role the roles file gives the e-mail, a correction whose trail names that
person, then Sign out."""
from __future__ import annotations

import os

import duckdb
import oidc_provider_mock
import pytest

from tests.app_server import free_port, serve
from tests.test_browser_corrections import correct_the_budget, wait_or_tell
from tests.test_browser_home import CHROMIUM, FLAGS

if not os.path.exists(CHROMIUM) and os.environ.get("CI") != "true":
    pytest.skip("Debian's chromium is not installed (.ci/run installs it)", allow_module_level=True)

PERSON = "awa.diallo@un.org"


def _secrets(path, app_port: int, provider_port: int) -> None:
    """The `[auth]` section a deployment writes in .streamlit/secrets.toml, pointed at the local provider."""
    path.write_text(f"""[auth]
redirect_uri = "http://127.0.0.1:{app_port}/oauth2callback"
cookie_secret = "a-test-cookie-secret-of-enough-length"
client_id = "lens"
client_secret = "a-test-client-secret"
server_metadata_url = "http://localhost:{provider_port}/.well-known/openid-configuration"
""", encoding="utf-8")


def _sidebar_says(page, text: str) -> None:
    wait_or_tell(page, "t => document.querySelector(\"[data-testid='stSidebar']\")?.innerText.includes(t)",
                 "sign-in", arg=text)


def test_a_person_signs_in_through_openid_connect_corrects_and_signs_out(tmp_path):
    from playwright.sync_api import sync_playwright

    roles = tmp_path / "roles.toml"
    roles.write_text('[domains]\n"un.org" = "editor"\n[default]\nrole = "viewer"\n', encoding="utf-8")
    who = oidc_provider_mock.User(sub=PERSON, claims={"email": PERSON, "name": "Awa Diallo"})
    app_port = free_port()
    with oidc_provider_mock.run_server_in_thread(user_claims=[who]) as provider:
        secrets = tmp_path / "secrets.toml"
        _secrets(secrets, app_port, provider.server_port)
        with serve(tmp_path, port=app_port, flags=("--secrets.files", str(secrets)), LENS_ROLES=str(roles)) as url, \
                sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            page = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
            page.goto(url + "/project?project=PBF/MLI/A-2&lang=en")
            _sidebar_says(page, "Sign in to correct figures")
            assert page.get_by_text("Correct or enter a figure").count() == 0  # a visitor gets no form
            page.get_by_role("button", name="Sign in").click()
            page.wait_for_url(f"http://localhost:{provider.server_port}/oauth2/authorize*", timeout=60_000)
            assert page.get_by_role("heading", name="Authorize Client").is_visible()  # the provider's own page
            page.get_by_role("button", name=PERSON).click()
            page.wait_for_url(f"{url}/**", timeout=60_000)
            _sidebar_says(page, f"Signed in as {PERSON} (editor)")  # the role from the roles file, by domain
            correct_the_budget(page, url)
            page.get_by_role("button", name="Sign out").click()
            # the provider ends its own session too (OpenID Connect RP-initiated logout), then sends the person back
            page.wait_for_url(f"http://localhost:{provider.server_port}/oauth2/end_session*", timeout=60_000)
            page.get_by_role("button", name="End session").click()
            page.wait_for_url(f"{url}/**", timeout=60_000)
            _sidebar_says(page, "Sign in to correct figures")
            page.goto(url + "/project?project=PBF/MLI/A-2&lang=en")
            _sidebar_says(page, "Sign in to correct figures")  # the session cookie is gone: a reload stays signed out
            browser.close()
    with duckdb.connect(str(tmp_path / "portfolio.duckdb"), read_only=True) as con:
        assert con.execute("SELECT made_by, field, new_value FROM corrections").fetchall() == [
            (PERSON, "project.total_budget_usd", "2000000")]
