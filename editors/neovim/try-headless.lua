-- Tries careerplan's language server in Neovim without a screen (works from Neovim 0.7):
--   PLAN=plans/ada.md CAREERPLAN=/path/to/careerplan/bin/careerplan.js nvim --headless -u NONE -c 'luafile editors/neovim/try-headless.lua'
-- run in a plans project. Prints the plan's problems, the completion of a goal's `kind` (line 7, after `kind: `),
-- the hover on line 9's date and the quick fix of line 4's problem, applied.
local root = vim.fn.getcwd()
vim.cmd('edit ' .. root .. '/' .. os.getenv('PLAN'))
local buf = vim.api.nvim_get_current_buf()
local id = vim.lsp.start_client({ name = 'careerplan', cmd = { 'node', os.getenv('CAREERPLAN'), 'lsp', '--stdio' }, root_dir = root })
vim.lsp.buf_attach_client(buf, id)
vim.wait(15000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
for _, d in ipairs(vim.diagnostic.get(buf)) do print(string.format('diag %d:%d %s %s', d.lnum + 1, d.col + 1, d.code or d.user_data and d.user_data.lsp.code or '?', d.message)) end
local client = vim.lsp.get_client_by_id(id)
local r = client.request_sync('textDocument/completion', { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = { line = 6, character = 10 } }, 5000, buf)
local labels = {}
for _, item in ipairs(r.result.items or r.result) do table.insert(labels, item.label) end
print('completion kind: ' .. table.concat(labels, ' '))
local h = client.request_sync('textDocument/hover', { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = { line = 8, character = 11 } }, 5000, buf)
print('hover due: ' .. (h.result and h.result.contents.value or 'none'))
local line = vim.lsp.diagnostic.get_line_diagnostics(buf, 3)
local a = client.request_sync('textDocument/codeAction', { textDocument = { uri = vim.uri_from_bufnr(buf) }, range = line[1].range, context = { diagnostics = line } }, 5000, buf)
for _, action in ipairs(a.result or {}) do print('action: ' .. action.title); vim.lsp.util.apply_workspace_edit(action.edit, 'utf-16') end
print('line 4 now: ' .. vim.api.nvim_buf_get_lines(buf, 3, 4, false)[1])
vim.wait(5000, function() for _, d in ipairs(vim.diagnostic.get(buf)) do if d.message:find('titel') then return false end end return true end, 50)
print('diagnostics after the fix: ' .. #vim.diagnostic.get(buf))
client.stop()
vim.cmd('qa!')
