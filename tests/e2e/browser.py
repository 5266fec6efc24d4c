"""Headless Debian chromium under selenium for the board's test. Never a browser fetched at run
time: both binaries come from `make browser` (apt), and selenium is pointed at them."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")


def start_chromium(tmp: Path):  # -> selenium WebDriver (imported lazily: a dev dependency)
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        pytest.fail("chromium/chromedriver missing: run `make browser` (apt chromium "
                    "chromium-driver)")
    os.environ["SE_OFFLINE"] = "true"  # selenium-manager, should it ever run, downloads nothing
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--no-first-run", "--window-size=1400,900", f"--user-data-dir={tmp / 'profile'}"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = Service(executable_path=str(CHROMEDRIVER), log_output=str(tmp / "chromedriver.log"))
    return webdriver.Chrome(options=options, service=service)


def console_errors(driver) -> list[dict]:
    return [e for e in driver.get_log("browser") if e.get("level") == "SEVERE"]


def cleanup(tmp: Path) -> None:
    shutil.rmtree(tmp / "profile", ignore_errors=True)
