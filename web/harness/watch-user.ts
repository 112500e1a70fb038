// The watch's own user profile in the preview: what Fitbit would know about the wearer before any settings.
export const WATCH_USER = { age: 30, restingHeartRate: 55, maxHeartRate: 190 };
