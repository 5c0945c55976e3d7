// Live reload (HUB_LIVERELOAD) publishes this instead of the hub's service worker: a browser that
// kept the worker of a production build on this address drops it and its caches at its next
// update check, so that what `./hub serve` shows is always what was just built.
self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => {
  event.waitUntil(caches.keys()
    .then((names) => Promise.all(names.filter((name) => name.startsWith("hub-")).map((name) => caches.delete(name))))
    .then(() => self.registration.unregister()));
});
