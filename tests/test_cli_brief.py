"""``balance-explorer brief``: a briefing a colleague can read without the program."""

from __future__ import annotations

import base64
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from test_cli_images import _run  # same folder (pytest prepend import mode)


class _Outline(HTMLParser):
    """Headings, table rows, image sources and all text of an HTML page."""

    def __init__(self) -> None:
        super().__init__()
        self.headings: list[str] = []
        self.rows = 0
        self.images: list[str] = []
        self.text: list[str] = []
        self._tag = ""

    def handle_starttag(self, tag, attrs):
        self._tag = tag
        if tag == "tr":
            self.rows += 1
        if tag == "img":
            self.images.append(dict(attrs)["src"])

    def handle_data(self, data):
        self.text.append(data)
        if self._tag in ("h1", "h2", "h3") and data.strip():
            self.headings.append(data.strip())

    def handle_endtag(self, tag):
        self._tag = ""


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("brief")


def test_html_briefing_is_self_contained_and_says_what_moved(folder):
    out = folder / "turkey.html"
    result = _run("brief", "--remove", "TUR@nato", "-o", str(out), cwd=folder)
    assert result.returncode == 0, result.stderr
    page = _Outline()
    page.feed(out.read_text(encoding="utf-8"))
    text = " ".join(page.text)
    assert page.headings[0] == "What if: Türkiye leaves North Atlantic Treaty Organization"
    assert "NATO loses Türkiye" in text  # the summary sentence
    assert "Allied capability that moved: own share plus weighted allies" in page.headings
    assert page.rows > 10
    assert "The measures used" in page.headings and "Sources" in page.headings
    # The picture is embedded, so the file opens anywhere; nothing is fetched.
    assert len(page.images) == 1 and page.images[0].startswith("data:image/png;base64,")
    png = base64.b64decode(page.images[0].split(",", 1)[1])
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert not re.search(r'src="(?!data:)', out.read_text(encoding="utf-8"))
    # Sources are cited by title and publisher, not by id.
    assert "Member countries \N{EM DASH} NATO" in text
    assert "nato_members" not in text


def test_pdf_briefing_has_several_pages(folder):
    out = folder / "turkey.pdf"
    result = _run("brief", "--remove", "TUR@nato", "-o", str(out), cwd=folder)
    assert result.returncode == 0, result.stderr
    data = out.read_bytes()
    assert data.startswith(b"%PDF-")
    pages = len(re.findall(rb"/Type\s*/Page\b", data))
    assert pages >= 2
    assert b"/Subtype /Image" in data or b"/Subtype/Image" in data


def test_baseline_briefing_without_scenario(folder):
    out = folder / "world.html"
    result = _run("brief", "--no-pictures", "--as-of", "2000-01-01", "-o", str(out),
                  cwd=folder)
    assert result.returncode == 0, result.stderr
    page = _Outline()
    page.feed(out.read_text(encoding="utf-8"))
    assert page.headings[0].startswith("Strategic balance:")
    assert "As of 2000-01-01" in " ".join(page.text)
    assert "Strongest actors: share of world capability" in page.headings
    assert page.images == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("-o", "brief.docx"), "PDF or HTML"),
        (("--remove", "Atlantis", "-o", "b.html"), "Atlantis"),
        (("--as-of", "1999-13-01", "-o", "b.html"), "date"),
    ],
)
def test_bad_requests_say_why_and_write_nothing(folder, args, message):
    before = set(folder.iterdir())
    result = _run("brief", *args, cwd=folder)
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr
    assert set(folder.iterdir()) - before <= {folder / "xdg"}


def test_report_and_brief_against_another_scenario(folder):
    from explorer.commands import PutScenario
    from explorer.model.entities import Change, Scenario
    from explorer.store import Project

    path = folder / "two.sbx"
    assert _run("new", "-o", str(path), cwd=folder).returncode == 0
    with Project.open(path) as project:
        PutScenario(Scenario("Hungary leaves NATO",
                             (Change("remove_membership", "HUN", "nato"),))).do(project)
        PutScenario(Scenario("Türkiye leaves NATO",
                             (Change("remove_membership", "TUR", "nato"),))).do(project)
    result = _run("report", str(path), "--scenario", "Türkiye leaves NATO", "--against",
                  "Hungary leaves NATO", "--format", "json", cwd=folder)
    assert result.returncode == 0, result.stderr
    import json

    report = json.loads(result.stdout)
    assert report["scenario"]["against"] == "Hungary leaves NATO"
    assert report["summary"][0].startswith("Compared with \u201cHungary leaves NATO\u201d")
    out = folder / "two.html"
    result = _run("brief", str(path), "--scenario", "Türkiye leaves NATO", "--against",
                  "Hungary leaves NATO", "--no-pictures", "-o", str(out), cwd=folder)
    assert result.returncode == 0, result.stderr
    assert ("What if: Türkiye leaves NATO (compared with Hungary leaves NATO)"
            in out.read_text(encoding="utf-8"))
    lone = _run("report", str(path), "--against", "Hungary leaves NATO", cwd=folder)
    assert lone.returncode == 2 and "--against compares two scenarios" in lone.stderr
