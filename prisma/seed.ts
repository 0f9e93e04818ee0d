// `npm run db:seed` / `prisma db seed`: loads the demo data into DATABASE_URL.
import { getDb } from "@/lib/db";
import { seedDemo } from "@/prisma/seed-demo";

async function main() {
  const db = getDb();
  try {
    const { created } = await seedDemo(db);
    console.log(created ? "Seeded the demo data." : "Demo data already present: nothing to do.");
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
