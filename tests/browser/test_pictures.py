"""The demo's pictures in headless Chromium: they load, srcset picks a size for the screen, and
nothing moves while they arrive (the width and height attributes reserve their boxes)."""

import pytest

pytestmark = pytest.mark.browser

# The layout shifts of the page, but for those of the header's buttons alone: on a slow machine
# Chromium may paint the bar before all its buttons are parsed, and the ones already there slide
# aside when the next arrives. The bar's height is fixed from the start (hub.css), so a shift of the
# header that moves anything else still counts.
SHIFTS = """() => new Promise(resolve => {
  let total = 0;
  const bar = document.querySelector("header.site .bar");
  const inBar = source => source.node && bar.contains(source.node);
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) if (!entry.sources.every(inBar)) total += entry.value;
  }).observe({type: 'layout-shift', buffered: true});
  setTimeout(() => resolve(total), 300);
})"""
LOADED = "images => images.map(img => [img.complete && img.naturalWidth > 0, img.currentSrc])"


@pytest.mark.parametrize("width", [390, 1366])
@pytest.mark.parametrize("path", ["en/news/hub-turns-ten/", "en/resources/positive-discipline-guide/",
                                  "en/resources/page/2/", "en/"])
def test_pictures_load_without_moving_the_page(served, tab, path, width):
    tab.set_viewport_size({"width": width, "height": 844})
    tab.goto(f"{served}/{path}", wait_until="load")
    tab.evaluate("""async () => {  // each lazy card comes into view, so each one loads
      for (const img of document.images) {
        img.scrollIntoView();
        await new Promise(resolve => requestAnimationFrame(resolve));
      }
    }""")
    tab.wait_for_function("[...document.images].every(img => img.complete)")
    loaded = tab.eval_on_selector_all("main img", LOADED)
    assert loaded and all(ok and src.endswith(".webp") for ok, src in loaded), loaded
    assert tab.evaluate(SHIFTS) == 0


def test_a_phone_gets_a_smaller_lead_image_than_a_desktop(served, browser):
    chosen = {}
    for width in (390, 1366):
        context = browser.new_context(viewport={"width": width, "height": 844}, device_scale_factor=1)
        tab = context.new_page()
        tab.goto(f"{served}/en/news/hub-turns-ten/", wait_until="load")
        chosen[width] = tab.eval_on_selector("img.lead", "img => img.currentSrc")
        context.close()
    assert chosen[390].endswith("-640.webp") and chosen[1366].endswith("-960.webp"), chosen
