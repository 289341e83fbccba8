"""Screenshots of every page, English and Chinese, at a laptop, a projector and a phone size.

    python -m scripts.screenshots [--out docs/screenshots] [--pages chain_rule,clipping]
                                  [--sizes laptop,projector,phone] [--query "depth=200"]

Starts `streamlit run app.py` on a free port, drives Debian's Chromium with Playwright and
writes <page>-<lang>-<size>.png files.
"""

import argparse
from pathlib import Path

from playwright.sync_api import sync_playwright

from scripts.browser import (
    CHARTLESS_PAGES,
    PAGE_PATHS,
    ROOT,
    app_server,
    launch,
    page_url,
    wait_for_page,
)

SIZES = {"laptop": (1366, 768), "projector": (1920, 1080), "phone": (390, 844)}
# A phone: a touch screen at twice the pixel density, as a browser's device emulation has it.
DEVICES = {"phone": {"device_scale_factor": 2, "is_mobile": True, "has_touch": True}}


def shrink(path: Path) -> None:
    """Rewrite a PNG with a 256-colour palette: a tall 2x phone shot drops to about a third,
    and flat UI colours and text look the same."""
    from PIL import Image  # Pillow comes with Streamlit

    with Image.open(path) as image:
        palette = image.convert("RGB").quantize(256, method=Image.Quantize.MEDIANCUT,
                                                dither=Image.Dither.NONE)
    palette.save(path, optimize=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--pages", default=",".join(PAGE_PATHS))
    parser.add_argument("--langs", default="en,zh")
    parser.add_argument("--sizes", default=",".join(SIZES))
    parser.add_argument("--query", default="")
    parser.add_argument("--full", action="store_true", help="a tall viewport: the whole page")
    parser.add_argument("--tall", type=float, default=1.0,
                        help="viewport height as a multiple of the size's (file name gets -tall)")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with app_server() as base, sync_playwright() as playwright:
        browser = launch(playwright)
        for size in args.sizes.split(","):
            width, height = SIZES[size]
            # Streamlit scrolls an inner container, so a full-page shot needs a tall viewport.
            factor = 4 if args.full else args.tall
            viewport = {"width": width, "height": int(height * factor)}
            page = browser.new_page(viewport=viewport, **DEVICES.get(size, {}))
            for page_id in args.pages.split(","):
                for lang in args.langs.split(","):
                    query = "&".join(q for q in (args.query, "lang=zh" * (lang == "zh")) if q)
                    page.goto(page_url(base, page_id, query))
                    wait_for_page(page, charts=page_id not in CHARTLESS_PAGES)
                    page.wait_for_timeout(600)
                    tall = "-tall" if factor != 1 else ""
                    path = out / f"{page_id}-{lang}-{size}{tall}.png"
                    page.screenshot(path=str(path))
                    if size in DEVICES:
                        shrink(path)
                    print(path)
        browser.close()


if __name__ == "__main__":
    main()
