export type Params = Record<string, string | number>;

/** Fills `{name}` placeholders; unknown placeholders stay visible so a mistake is noticed. */
export function interpolate(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}
