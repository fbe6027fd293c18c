"""The coalition wing in Chromium: an SPD member drafts a joint motion for a Herne
pledge and proposes it; a CDU member records a dissent; the coordination group decides;
the motion is submitted; the decision log and the work plan show it. axe-core on every
page type of the wing."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from axe_check import check_accessibility  # type: ignore[import-not-found]

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "ein langes Passwort 42"

AGREEMENT = "stadt-herne-herne-2030-eckpunktevereinbarung-von-spd-und-cdu"
TITLE = "Jugendzentrum im Kern Sodingens"


def _cli(served: dict[str, Any], *args: str, stdin: str = "") -> str:
    result = subprocess.run(
        [sys.executable, "-m", "versprochen.cli", *args, "--data-dir", str(served["data_dir"])],
        input=stdin,
        env=served["env"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert result.returncode == 0, (args, result.stderr)
    return result.stdout


@pytest.fixture(scope="module")
def coalition(served: dict[str, Any]) -> str:
    """Herne's coalition made with the commands: anke (SPD), bernd (CDU), kurt (CDU, in
    the coordination group), the council with a meeting 40 days ahead."""
    out = _cli(
        served,
        "coalition",
        "create",
        "--body",
        "Stadt Herne",
        "--partners",
        "SPD Herne,CDU Herne",
        "--agreement",
        AGREEMENT,
        "--rules",
        "preset:herne-2025",
        "--term",
        "2025-11-01:2030-10-31",
    )
    slug = out.split(":")[0]
    for name, partner, extra in (
        ("anke", "SPD Herne", ()),
        ("bernd", "CDU Herne", ()),
        ("kurt", "CDU Herne", ("--coordination",)),
    ):
        _cli(
            served,
            "createuser",
            name,
            "--role",
            "editor",
            "--body",
            "Stadt Herne",
            "--password-stdin",
            stdin=PASSWORD + "\n",
        )
        _cli(
            served,
            "coalition",
            "member",
            "add",
            name,
            "--coalition",
            slug,
            "--partner",
            partner,
            *extra,
        )
    _cli(
        served,
        "coalition",
        "body",
        "add",
        "Rat der Stadt Herne",
        "--coalition",
        slug,
        "--kind",
        "council",
        "--deadline-days",
        "10",
    )
    day = (dt.date.today() + dt.timedelta(days=40)).isoformat()
    _cli(
        served,
        "coalition",
        "meeting",
        "add",
        "--coalition",
        slug,
        "--body",
        "Rat der Stadt Herne",
        "--date",
        day,
    )
    return slug


def _login(browser: Any, site: str, name: str) -> Any:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="de-DE")
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(site + "/anmelden/?next=/koalition/")
    page.fill("#id_username", name)
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_url(re.compile(r"/koalition/[\w-]+/$"))
    return page


def test_a_joint_motion_from_draft_to_submission(site: str, browser: Any, coalition: str) -> None:
    base = f"{site}/koalition/{coalition}/"
    anke = _login(browser, site, "anke")
    check_accessibility(anke, "60-coalition-overview")
    anke.get_by_role("link", name="Neuen Antrag entwerfen").first.click()
    anke.wait_for_url(re.compile(r"/antraege/neu/$"))
    anke.fill("#id_title", TITLE)
    anke.fill("#id_text", "Der Rat beauftragt die Verwaltung, den Neubau zu planen.")
    anke.select_option("#id_council_body", label="Rat der Stadt Herne")
    anke.select_option("#id_meeting", index=1)
    value = anke.eval_on_selector(
        "#id_pledges",
        "s => [...s.options].find(o => o.text.includes('Jugendzentrum')).value",
    )
    anke.select_option("#id_pledges", value)
    check_accessibility(anke, "61-coalition-motion-form")
    anke.get_by_role("button", name="Speichern").click()
    anke.wait_for_url(re.compile(r"/antraege/\d+/$"))
    motion_url = anke.url
    check_accessibility(anke, "62-coalition-motion-draft")
    anke.get_by_role("button", name="Dem Partner vorschlagen").click()
    assert anke.get_by_text("Dem Partner vorgeschlagen.").is_visible()

    bernd = _login(browser, site, "bernd")
    bernd.goto(base + "antraege/")
    check_accessibility(bernd, "63-coalition-motions")
    bernd.get_by_role("link", name=TITLE).click()
    bernd.get_by_role("button", name="Dissens festhalten").click()
    assert bernd.locator("#id_dissent-text-error").is_visible()  # a reason is required
    check_accessibility(bernd, "64-coalition-dissent-error")
    bernd.fill("#id_dissent-text", "Der Standort ist mit der Bezirksvertretung nicht geklärt.")
    bernd.get_by_role("button", name="Dissens festhalten").click()
    assert bernd.get_by_text(
        "Dissens festgehalten; die Koordinierungsgruppe entscheidet."
    ).is_visible()
    assert bernd.get_by_text("enthalten sich die Partner", exact=False).is_visible()  # rule 9

    kurt = _login(browser, site, "kurt")
    kurt.goto(base + "koordinierung/")
    check_accessibility(kurt, "65-coalition-coordination")
    kurt.get_by_role("link", name=TITLE).click()
    kurt.get_by_label("einstimmiger Beschluss").check()
    kurt.fill("#id_resolve-procedure", "Standort wird im Antrag offen formuliert.")
    kurt.get_by_role("button", name="Entscheidung festhalten").click()
    assert kurt.get_by_text("Entscheidung der Koordinierungsgruppe festgehalten.").is_visible()

    anke.goto(motion_url)
    anke.get_by_role("button", name="Einreichen").click()
    assert anke.get_by_text("Eingereicht.").is_visible()
    check_accessibility(anke, "66-coalition-motion-submitted")

    anke.goto(base + "protokoll/")
    log = anke.locator("main table").inner_text()
    for what in ("Vorschlag an den Partner", "Dissens", "einstimmiger Beschluss", "eingereicht"):
        assert what in log, what
    check_accessibility(anke, "67-coalition-log")
    anke.goto(base + "arbeitsplan/")
    plan = anke.locator("main").inner_text()
    assert TITLE in plan and "eingereicht" in plan and "als Beleg" in plan
    check_accessibility(anke, "68-coalition-work-plan")
    for path, name in (
        ("vorlagen/", "69-coalition-papers"),
        ("kalender/", "70-coalition-calendar"),
        ("export/protokoll/", "71-coalition-log-print"),
    ):
        anke.goto(base + path)
        check_accessibility(anke, name)
    # Nothing of it is public.
    public = browser.new_context().new_page()
    public.goto(base + "protokoll/")
    assert TITLE not in public.content()
    public.goto(f"{base}veroeffentlicht/")
    assert TITLE not in public.content()
    check_accessibility(public, "72-coalition-published")
