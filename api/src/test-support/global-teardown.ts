export default async function globalTeardown(): Promise<void> {
  const { default: teardown } = await import('./database-teardown');
  await teardown();
}
