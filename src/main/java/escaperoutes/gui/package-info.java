/**
 * The model in MASON's console ({@code gui}): {@link escaperoutes.gui.EscapeRoutesWithUI} (the {@code GUIState}),
 * a view that samples the running model into MASON fields for the map's portrayals, live JFreeChart charts in frames
 * the console knows, the current regime's multipliers as the model's inspector, snapshots to PNG; and
 * {@link escaperoutes.gui.MasonMain}, the model under MASON's command-line loop ({@code mason}). The model package
 * knows nothing of this: the view listens to it like any recorder. Only {@code gui} opens windows; every other
 * command, and {@code mason}, run without a display.
 */
package escaperoutes.gui;
