// The few printf conversions the tools use (%-Ns, %Ns, %0NX, %6.1f), so every renderer pads the same way.
// C's field widths are minimums: a longer value is never cut, and neither are these.

/** `%-Ns`: left-justified in a field of at least `width` characters. */
export function pad_end(s: string | number, width: number): string {
  return String(s).padEnd(width, ' ');
}

/** `%Ns` / `%Nd`: right-justified in a field of at least `width` characters. */
export function pad_start(s: string | number, width: number): string {
  return String(s).padStart(width, ' ');
}

/** `%0NX`: upper-case hex, zero-padded; negative numbers as the unsigned 32-bit value, like C. */
export function hex_upper(n: number, width: number): string {
  return (n >>> 0).toString(16).toUpperCase().padStart(width, '0');
}

/** `%6.1f` of a rate. */
export function fixed1(n: number, width: number): string {
  return n.toFixed(1).padStart(width, ' ');
}

/**
 * An IPv4 address as the kernel keeps it (__be32) printed with %08X on a little-endian machine: the bytes come
 * out reversed, so 192.0.2.1 (0xC0000201 in host order) reads 010200C0.
 */
export function be32_hex(host_order_addr: number): string {
  const a = host_order_addr >>> 0;
  const swapped = ((a & 0xff) << 24) | ((a & 0xff00) << 8) | ((a >>> 8) & 0xff00) | (a >>> 24);
  return hex_upper(swapped, 8);
}

/** Dotted quad of a host-order IPv4 address (inet_ntop). */
export function ipv4_ntoa(a: number): string {
  return `${(a >>> 24) & 255}.${(a >>> 16) & 255}.${(a >>> 8) & 255}.${a & 255}`;
}
