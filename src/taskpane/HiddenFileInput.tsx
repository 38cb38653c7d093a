/**
 * The hidden `<input type="file">` behind a Fluent button ("Vælg filer …", "Åbn pakkefil …"):
 * the button calls `ref.current.click()`, the picked files go to `onFiles`, and the input is
 * cleared so the same file can be picked again.
 */
import * as React from "react";
import { makeStyles } from "@fluentui/react-components";

const useStyles = makeStyles({
  hidden: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clip: "rect(0 0 0 0)" },
});

export const JSON_FILES = ".json,application/json";
export const XLSX_FILES = ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/** An input table: JSON in its shape, or a register extract as .csv or .xlsx. */
export const INPUT_FILES = `${JSON_FILES},.csv,text/csv,${XLSX_FILES}`;

export const HiddenFileInput = React.forwardRef<
  HTMLInputElement,
  { accept: string; multiple?: boolean; onFiles: (files: File[]) => void; testId?: string; id?: string }
>(function HiddenFileInput(props, ref) {
  const styles = useStyles();
  return (
    <input
      ref={ref}
      id={props.id}
      className={styles.hidden}
      type="file"
      accept={props.accept}
      multiple={props.multiple}
      tabIndex={-1}
      aria-hidden="true"
      data-testid={props.testId}
      onChange={(e) => {
        const files = Array.from(e.target.files ?? []);
        e.target.value = "";
        if (files.length > 0) props.onFiles(files);
      }}
    />
  );
});
