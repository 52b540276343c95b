// How long the queues picture animates a change, from the playback speed (simulated ms per wall ms).
// Slow runs get a readable slide; fast runs get shorter ones so tokens keep up with 30 frames a second; past
// 100× every frame is a different picture and animation would only blur it. Reduced motion: none.
export function motionMs(speed: number, reducedMotion: boolean): number {
  if (reducedMotion || speed >= 100) return 0;
  return Math.round(Math.min(420, 300 / Math.sqrt(Math.max(speed, 0.01))));
}
