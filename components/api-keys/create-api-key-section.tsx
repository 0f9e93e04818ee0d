"use client";

import { useRef, useState } from "react";
import {
  CreateApiKeyForm,
  type CreatedApiKey,
  type TraderOption,
} from "@/components/api-keys/create-api-key-form";
import { NewApiKeyPanel } from "@/components/api-keys/new-api-key-panel";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

type CreateApiKeySectionProps = { traders: readonly TraderOption[]; appUrl: string };

// Swaps the form for the one-time token panel, and back once the user has saved it.
export function CreateApiKeySection({ traders, appUrl }: CreateApiKeySectionProps) {
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const nameInputRef = useRef<HTMLInputElement>(null);

  if (created) {
    return (
      <NewApiKeyPanel
        name={created.name}
        token={created.token}
        appUrl={appUrl}
        exampleTraderId={created.traderId ?? traders[0]?.id ?? null}
        onDone={() => {
          setCreated(null);
          // The form mounts again on the next render; focus it once it is there.
          window.requestAnimationFrame(() => nameInputRef.current?.focus());
        }}
      />
    );
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>Create a key</CardTitle>
        <CardDescription>
          Executors send it as <code className="font-mono">Authorization: Bearer &lt;key&gt;</code>{" "}
          when they report errors.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <CreateApiKeyForm traders={traders} nameInputRef={nameInputRef} onCreated={setCreated} />
      </CardContent>
    </Card>
  );
}
