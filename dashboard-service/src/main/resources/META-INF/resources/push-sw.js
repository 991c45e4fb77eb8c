// MarketPulse's service worker: shows an alert that delivery-service sent by Web Push, also with no dashboard tab
// open, and opens the alert on the dashboard when the notification is clicked. The message is the JSON of
// delivery-service's push Notification: {title, body, alertId, deliveryId, symbol, tag, url}.
self.addEventListener('push', event => {
  let message;
  try {
    message = event.data ? event.data.json() : {};
  } catch (e) {
    message = {body: event.data ? event.data.text() : ''};
  }
  const options = {body: message.body || '', data: {url: message.url || '/'}};
  if (message.tag) {
    // a grown episode (same alert) replaces its earlier notification, and is shown again
    options.tag = message.tag;
    options.renotify = true;
  }
  event.waitUntil(self.registration.showNotification(message.title || 'MarketPulse alert', options));
});

self.addEventListener('notificationclick', event => {
  event.notification.close();
  let url = new URL((event.notification.data && event.notification.data.url) || '/', self.location.origin);
  if (url.origin !== self.location.origin) {
    // only this dashboard's pages are opened from a notification
    url = new URL('/', self.location.origin);
  }
  event.waitUntil(self.clients.matchAll({type: 'window', includeUncontrolled: true}).then(windows => {
    const open = windows.find(w => w.url === url.href);
    return open ? open.focus() : self.clients.openWindow(url.href);
  }));
});
