import { modelLabel, modelName } from '@/lib/model-name';

describe('modelName', () => {
  it.each([
    ['google/gemini-2.5-flash', 'Gemini 2.5 Flash', 'Google', null],
    ['anthropic/claude-sonnet-4.7', 'Claude Sonnet 4.7', 'Anthropic', null],
    ['x-ai/grok-code-fast-1', 'Grok Code Fast 1', 'xAI', null],
    ['openai/gpt-5.5', 'GPT-5.5', 'OpenAI', null],
    ['openai/gpt-4o-mini-2024-07-18', 'GPT-4o Mini (2024-07-18)', 'OpenAI', null],
    ['openai/gpt-oss-20b:free', 'GPT OSS 20B', 'OpenAI', 'free'],
    ['openai/o3-mini-2025-01-31', 'o3 Mini (2025-01-31)', 'OpenAI', null],
    ['z-ai/glm-4.5-air:free', 'GLM-4.5 Air', 'Z.ai', 'free'],
    ['deepseek/deepseek-r1:free', 'DeepSeek R1', 'DeepSeek', 'free'],
    ['deepseek/deepseek-chat-v3-0324', 'DeepSeek Chat V3 (0324)', 'DeepSeek', null],
    ['meta-llama/llama-3.3-70b-instruct', 'Llama 3.3 70B Instruct', 'Meta', null],
    ['mistralai/mixtral-8x7b-instruct', 'Mixtral 8x7B Instruct', 'Mistral AI', null],
    ['moonshotai/kimi-k2', 'Kimi K2', 'Moonshot AI', null],
    ['anthropic/claude-3.7-sonnet-20250219:thinking', 'Claude 3.7 Sonnet (20250219)', 'Anthropic', 'thinking'],
    ['eva-unit-01/eva-qwen-2.5-72b', 'Eva Qwen 2.5 72B', 'Eva Unit 01', null],
  ])('%s → %s by %s', (permaslug, name, author, variant) => {
    expect(modelName(permaslug)).toEqual({ name, author, variant });
  });

  it('never returns an empty name, whatever the slug', () => {
    for (const slug of ['', 'x', 'a/', '/b', 'a/b:', ':free', 'a/-', 'a/2024-01-01']) {
      expect(modelName(slug).name.length).toBeGreaterThan(0);
    }
  });

  it('labels a variant in words where no badge can be drawn', () => {
    expect(modelLabel('qwen/qwen3-coder:free')).toBe('Qwen3 Coder (free)');
    expect(modelLabel('qwen/qwen3-coder')).toBe('Qwen3 Coder');
  });
});
