// Short notices ("Post deleted" + Undo) in one aria-live region. They leave by themselves after
// a while, and stay while the pointer or keyboard focus is on them.

export interface ToastAction {
  label: string;
  run: () => unknown | Promise<unknown>;
}

export interface Toast {
  id: number;
  message: string;
  action: ToastAction | null;
}

export const TOAST_MS = 8000;

export const toasts = $state<Toast[]>([]);
const timers = new Map<number, ReturnType<typeof setTimeout>>();
let nextId = 1;

export function showToast(message: string, action: ToastAction | null = null, ms = TOAST_MS): number {
  const id = nextId++;
  // One notice at a time keeps it calm; a new one replaces what was there.
  for (const t of [...toasts]) dismissToast(t.id);
  toasts.push({ id, message, action });
  timers.set(id, setTimeout(() => dismissToast(id), ms));
  return id;
}

export function dismissToast(id: number): void {
  clearTimeout(timers.get(id));
  timers.delete(id);
  const i = toasts.findIndex((t) => t.id === id);
  if (i >= 0) toasts.splice(i, 1);
}

export function holdToast(id: number): void {
  clearTimeout(timers.get(id));
  timers.delete(id);
}

export function releaseToast(id: number, ms = 4000): void {
  if (!toasts.some((t) => t.id === id)) return;
  clearTimeout(timers.get(id));
  timers.set(id, setTimeout(() => dismissToast(id), ms));
}
