import { createActionClient } from "@/lib/actions/create-action-client";
import { getCurrentUser } from "@/lib/auth/current-user";

export const { userAction, adminAction } = createActionClient(getCurrentUser);
