"use client";

import { LoaderCircle, Plus } from "lucide-react";
import { type FormEvent, type RefObject, useId, useState, useTransition } from "react";
import { toast } from "sonner";
import { createApiKeyAction } from "@/app/(app)/settings/api-keys/actions";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";

export const apiKeyNameMaxLength = 80;

export type TraderOption = { id: string; name: string };

export type CreatedApiKey = { name: string; token: string; traderId: string | null };

type FormError = { message: string; nameError?: string };

type CreateApiKeyFormProps = {
  traders: readonly TraderOption[];
  nameInputRef: RefObject<HTMLInputElement | null>;
  onCreated: (created: CreatedApiKey) => void;
};

export function CreateApiKeyForm({ traders, nameInputRef, onCreated }: CreateApiKeyFormProps) {
  const nameId = useId();
  const nameHintId = useId();
  const nameErrorId = useId();
  const traderId = useId();
  const traderHintId = useId();
  const [name, setName] = useState("");
  const [scopeTraderId, setScopeTraderId] = useState("");
  const [error, setError] = useState<FormError | null>(null);
  const [isPending, startTransition] = useTransition();

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    startTransition(async () => {
      const result = await createApiKeyAction({
        name,
        traderId: scopeTraderId || undefined,
      });
      if (!result.ok) {
        const nameError = result.fields?.find((field) => field.path === "name")?.message;
        setError({ message: result.message, nameError });
        if (nameError) nameInputRef.current?.focus();
        return;
      }
      setName("");
      setScopeTraderId("");
      toast.success(`API key “${result.data.key.name}” created`);
      onCreated({
        name: result.data.key.name,
        token: result.data.token,
        traderId: result.data.key.traderId,
      });
    });
  }

  const isNameInvalid = Boolean(error?.nameError);

  return (
    <form
      onSubmit={handleSubmit}
      aria-label="Create an API key"
      className="flex flex-col gap-4"
      noValidate
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="flex flex-col gap-2">
          <Label htmlFor={nameId}>Name</Label>
          <Input
            id={nameId}
            ref={nameInputRef}
            name="name"
            autoComplete="off"
            placeholder="e.g. Production executor"
            maxLength={apiKeyNameMaxLength}
            required
            value={name}
            onChange={(event) => setName(event.target.value)}
            aria-invalid={isNameInvalid || undefined}
            aria-describedby={isNameInvalid ? `${nameErrorId} ${nameHintId}` : nameHintId}
            data-testid="create-api-key-name"
          />
          {isNameInvalid ? (
            <p id={nameErrorId} className="text-xs text-destructive">
              {error?.nameError}
            </p>
          ) : null}
          <p id={nameHintId} className="text-xs text-muted-foreground">
            Where the key is used, so you know which one to revoke. Up to {apiKeyNameMaxLength}{" "}
            characters.
          </p>
        </div>
        <div className="flex flex-col gap-2">
          <Label htmlFor={traderId}>Trader</Label>
          <Select
            id={traderId}
            name="traderId"
            value={scopeTraderId}
            onChange={(event) => setScopeTraderId(event.target.value)}
            aria-describedby={traderHintId}
            data-testid="create-api-key-trader"
          >
            <option value="">All traders</option>
            {traders.map((trader) => (
              <option key={trader.id} value={trader.id}>
                {trader.name}
              </option>
            ))}
          </Select>
          <p id={traderHintId} className="text-xs text-muted-foreground">
            A key scoped to one trader can only report that trader&apos;s errors.
          </p>
        </div>
      </div>
      {error ? (
        <div
          role="alert"
          data-testid="create-api-key-error"
          className="rounded-md border border-destructive/30 bg-destructive/5 px-3 py-2 text-sm text-destructive"
        >
          {error.message}
        </div>
      ) : null}
      <div>
        <Button
          type="submit"
          disabled={isPending}
          aria-busy={isPending || undefined}
          data-testid="create-api-key-submit"
        >
          {isPending ? (
            <LoaderCircle aria-hidden="true" className="animate-spin" />
          ) : (
            <Plus aria-hidden="true" />
          )}
          Create key
        </Button>
      </div>
    </form>
  );
}
