import { randomToken } from "@staffroom/core";
import { memoryStore } from "@staffroom/core/memory";
import { createApp } from "./app";
import { seedExample } from "./seed";

const PORT = Number(process.env.PORT ?? 3000);
const publicUrl = `http://localhost:${PORT}`;
const { app, directory } = createApp({ store: memoryStore(), publicUrl });
const secret = process.env.SCIM_TOKEN ?? randomToken();
const seeded = await seedExample(directory, secret);
app.listen(PORT, "127.0.0.1", () => {
  console.log(`REST  ${publicUrl}/api/staffroom   (sign in as ${seeded.email} / ${seeded.password})`);
  console.log(`SCIM  ${publicUrl}/scim/v2         (Authorization: Bearer ${secret})`);
});
