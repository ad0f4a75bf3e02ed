/**
 * The floor the CLI's CPU is compared with: the same calls as the CLI bench (`cliBench.ts`)
 * through the bare SDK, in a process of their own (`node out/node/bench-bare-sdk.cjs URL CALLS
 * CONCURRENCY`), lanes calling ConverseStream and reading each stream to its end. No store, no
 * runner, no timing of ours: what Node, the SDK and the loopback network cost on this machine,
 * so the CLI's CPU less this is the app's own.
 */
import { BedrockRuntimeClient, ConverseStreamCommand } from '@aws-sdk/client-bedrock-runtime';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { BENCH_MODELS, benchParagraph } from './benchExperiment';

async function main(): Promise<void> {
  const [url, callsArg, concurrencyArg] = process.argv.slice(2);
  const calls = Number(callsArg);
  const concurrency = Number(concurrencyArg);
  const client = new BedrockRuntimeClient({
    region: 'us-east-1',
    endpoint: url,
    credentials: { accessKeyId: 'AKIDBENCH', secretAccessKey: 'bench' },
    // HTTP/1.1, as the app and Bedrock's ConverseStream use (this client's default handler is
    // HTTP/2, for the bidirectional streaming operations).
    requestHandler: new NodeHttpHandler(),
  });
  let next = 0;
  const lane = async () => {
    while (next < calls) {
      const i = next++;
      const out = await client.send(
        new ConverseStreamCommand({
          modelId: BENCH_MODELS[i % BENCH_MODELS.length],
          messages: [
            {
              role: 'user',
              content: [
                { text: `Summarize: ${benchParagraph(Math.floor(i / BENCH_MODELS.length))}` },
              ],
            },
          ],
          inferenceConfig: { maxTokens: 256, temperature: 0, topP: 1 },
        }),
      );
      for await (const _event of out.stream ?? []) {
        // Read to the end, as the CLI does.
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  client.destroy();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
