/**
 * Says so when saved data could not be read and was kept apart (src/lib/storage.ts). The notice
 * itself (KeptNotice.tsx) loads only then: most visits have nothing to say, and every island page
 * has a JavaScript budget (tests/build/build-output.test.ts).
 */
import { useEffect, useState } from "preact/hooks";
import type { KeptNotice, KeptNoticeProps } from "./KeptNotice.tsx";

export function Kept(props: KeptNoticeProps) {
  const [Notice, setNotice] = useState<typeof KeptNotice>();
  const { store } = props;
  useEffect(() => {
    if (store.kept().length > 0)
      void import("./KeptNotice.tsx").then((module) => {
        setNotice(() => module.KeptNotice);
      });
  }, [store]);
  return Notice === undefined ? null : <Notice {...props} />;
}
