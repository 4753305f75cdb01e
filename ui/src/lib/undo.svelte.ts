// The one way a change is offered for undo: a notice with an Undo button that runs the reverse
// action, says whether it worked, and reloads what the page shows.

import { errorText } from "./errors";
import { lookup, t } from "./i18n/index.svelte";
import { showToast } from "./toasts.svelte";

export function offerUndo(
  message: string,
  undo: () => Promise<unknown>,
  reload: () => Promise<unknown>,
): void {
  showToast(message, {
    label: t("common.undo"),
    run: async () => {
      try {
        await undo();
        showToast(t("toast.undone"));
      } catch (err) {
        showToast(errorText(err, lookup));
      }
      await reload();
    },
  });
}
