import { apikeyCommands } from "./apikey";
import type { CommandGroup } from "./cli";
import { deliveriesCommands } from "./deliveries";
import { demoCommands } from "./demo";
import { secretsCommands } from "./secrets";
import { userCommands } from "./user";

// Every command group of `npm run portal`. A new group is one module exporting a CommandGroup, listed here.
export const COMMAND_GROUPS: CommandGroup[] = [userCommands, apikeyCommands, deliveriesCommands, demoCommands, secretsCommands];
