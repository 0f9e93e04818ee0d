// How many notifications the bell lists; the rest are on /notifications. Outside the
// client provider's module so the server shell can read the value too.
export const bellNotificationLimit = 10;
