// The site registers its own worker (no inline script: the tests may run it under a CSP).
navigator.serviceWorker.register("/site-sw.js");
