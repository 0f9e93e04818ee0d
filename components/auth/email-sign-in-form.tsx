"use client";

import { LoaderCircle, Mail } from "lucide-react";
import { type FormEvent, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

type EmailSignInFormProps = {
  isPending: boolean;
  isDisabled: boolean;
  onSubmit: (email: string) => void;
};

export function EmailSignInForm({ isPending, isDisabled, onSubmit }: EmailSignInFormProps) {
  const inputId = useId();
  const hintId = useId();
  const [email, setEmail] = useState("");

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = email.trim();
    if (trimmed) onSubmit(trimmed);
  }

  return (
    <form onSubmit={handleSubmit} className="flex flex-col gap-3" aria-label="Sign in with email">
      <div className="flex flex-col gap-2">
        <Label htmlFor={inputId}>Email address</Label>
        <Input
          id={inputId}
          name="email"
          type="email"
          inputMode="email"
          autoComplete="email"
          placeholder="you@example.com"
          required
          aria-describedby={hintId}
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          disabled={isDisabled}
          data-testid="email-sign-in-input"
        />
        <p id={hintId} className="text-xs text-muted-foreground">
          We&apos;ll email you a one-time link that expires in 24 hours.
        </p>
      </div>
      <Button
        type="submit"
        size="lg"
        disabled={isDisabled}
        aria-busy={isPending || undefined}
        data-testid="email-sign-in-submit"
      >
        {isPending ? (
          <LoaderCircle aria-hidden="true" className="animate-spin" />
        ) : (
          <Mail aria-hidden="true" />
        )}
        Email me a sign-in link
      </Button>
    </form>
  );
}
