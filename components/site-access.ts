// The permission asked for a file on another site: that one site, any port, its scheme (within
// the manifest's optional_host_permissions, "*://*/*"). Asked only at the user's click.

export function sitePattern(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.hostname}/*`;
}
