/**
 * Ribbon functions. They run in the shared runtime (the task pane's page), so they work with the
 * pane closed; each must call `event.completed()`.
 */

async function openMergeView(event: Office.AddinCommands.Event): Promise<void> {
  try {
    window.location.hash = "#merge";
    await Office.addin.showAsTaskpane();
  } finally {
    event.completed();
  }
}

async function validateWorkbook(event: Office.AddinCommands.Event): Promise<void> {
  try {
    window.location.hash = "#audit";
    await Office.addin.showAsTaskpane();
  } finally {
    event.completed();
  }
}

if (typeof Office !== "undefined") {
  Office.onReady(() => {
    Office.actions.associate("validateWorkbook", validateWorkbook);
    Office.actions.associate("openMergeView", openMergeView);
  });
}
