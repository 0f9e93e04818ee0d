"use client";

import { LoaderCircle } from "lucide-react";
import { GithubMark } from "@/components/auth/github-mark";
import { Button } from "@/components/ui/button";

type GithubSignInButtonProps = {
  isPending: boolean;
  isDisabled: boolean;
  onClick: () => void;
};

export function GithubSignInButton({ isPending, isDisabled, onClick }: GithubSignInButtonProps) {
  return (
    <Button
      variant="outline"
      size="lg"
      className="w-full"
      data-testid="github-sign-in"
      disabled={isDisabled}
      aria-busy={isPending || undefined}
      onClick={onClick}
    >
      {isPending ? <LoaderCircle aria-hidden="true" className="animate-spin" /> : <GithubMark />}
      Continue with GitHub
    </Button>
  );
}
