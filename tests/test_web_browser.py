"""duk serve end to end in a real headless Chromium (Debian's `chromium`, driven by Playwright;
never a downloaded browser): the real server started by `duk serve` over a copy of the sample,
the board opened, a visit logged through the form with a mistake, the mistake read beside the
field, fixed, saved, and found on the person's page, on the board and in git.

DUK_SCREENSHOTS=docs also saves the board and the form as docs/serve-board.png and
docs/serve-form.png (the README shows them)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import git

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
REPO = Path(__file__).resolve().parent.parent
TODAY = "2019-12-31"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server(tmp_path):
    """`duk serve` on a free port over the sample copied into a git repository: its base URL."""
    from dukcli.store import gitops

    root = tmp_path / "data"
    shutil.copytree(REPO / "data", root)
    assert gitops.init(root, ["."], "Khởi tạo")
    port = free_port()
    env = dict(os.environ, DUK_TODAY=TODAY)
    proc = subprocess.Popen([sys.executable, "-m", "dukcli", "--data", str(root), "serve", "--port", str(port)],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 30
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                out, err = proc.communicate()
                pytest.fail(f"duk serve did not start: {err.decode(errors='replace')}")
            time.sleep(0.1)
    try:
        yield f"http://127.0.0.1:{port}", root
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium "
                    "(apt-get install -y --no-install-recommends chromium; .ci/run does it)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("playwright is missing: pip install '.[test]'")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        try:
            yield b
        finally:
            b.close()


def shot(page, name: str, tmp_path: Path) -> None:
    target = os.environ.get("DUK_SCREENSHOTS")
    path = (REPO / target / name) if target else (tmp_path / name)
    page.screenshot(path=str(path), full_page=True)


def test_log_a_visit_with_a_mistake_fix_it_and_find_it(server, browser, tmp_path):
    base, root = server
    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)

    page.goto(base + "/")  # the board of this year, as a person first sees it
    assert page.locator("h1").inner_text() == "Bảng thực hiện Điều 4 – Năm 2019"
    assert page.locator("svg").count() == 2
    shot(page, "serve-board.png", tmp_path)

    page.fill("#p", "2019Q4")
    page.get_by_role("button", name="Xem").click()
    assert page.locator("h1").inner_text() == "Bảng thực hiện Điều 4 – Quý IV năm 2019"
    row = page.locator("tr", has=page.locator("a", has_text="Nguyễn Thị Lan")).filter(
        has=page.locator("a", has_text="Chi bộ Sở Tài chính"))
    assert row.locator("td.m").nth(2).inner_text() == "✓ 1"

    page.get_by_role("link", name="Ghi chuyến đi").first.click()
    assert page.locator("h1").inner_text() == "Ghi chuyến đi"
    page.select_option("#person", "nguyen-thi-lan")
    page.select_option("#unit", "cb-so-tai-chinh")
    page.fill("#date", "05/01/2020")  # the mistake: a day still to come
    page.check("input[name=part_work]")
    page.fill("#work_situation", "Chi bộ duy trì sinh hoạt đều, nội dung thiết thực.")
    page.fill("#work_difficulties", "Thiếu phòng họp.")
    page.get_by_role("button", name="Ghi chuyến đi").click()

    error = page.locator("#date-error")
    assert "Ngày 05/01/2020 còn ở tương lai (hôm nay là 31/12/2019)" in error.inner_text()
    assert page.locator("#work_situation").input_value() == "Chi bộ duy trì sinh hoạt đều, nội dung thiết thực."
    assert not (root / "visits/2020").exists()
    shot(page, "serve-form.png", tmp_path)

    page.fill("#date", "30/12/2019")
    page.get_by_role("button", name="Ghi chuyến đi").click()
    page.wait_for_url(base + "/people/nguyen-thi-lan?p=2019")
    rel = "visits/2019/12/2019-12-30-nguyen-thi-lan-cb-so-tai-chinh.yaml"
    assert "Đã ghi chuyến đi của Nguyễn Thị Lan đến Chi bộ Sở Tài chính ngày 30/12/2019." in \
        page.locator(".saved").inner_text()
    assert page.locator(".saved code").first.inner_text() == rel
    assert page.locator("td", has_text="30/12/2019").count() == 1

    assert git(root, "log", "-1", "--format=%s").strip() == "Ghi nhận: Nguyễn Thị Lan – Chi bộ Sở Tài chính – 30/12/2019"
    assert git(root, "show", "--name-only", "--format=", "HEAD").split() == [rel]

    page.goto(base + "/?p=2019Q4")
    assert row.locator("td.m").nth(2).inner_text() == "✓ 2"  # counted on the board
    assert [e for e in errors if "Content Security Policy" in e] == []  # the CSP blocked nothing
