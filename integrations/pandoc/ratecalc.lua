--[[
ratecalc.lua: a Pandoc Lua filter (also the Quarto extension `ratecalc`) that puts
ratecalc's exact bounds into a document when it is rendered. See docs/notes.md.

  ```ratecalc                        a code block with class ratecalc: replaced by
  --smoothness 1,2,4 --arch all      `ratecalc ARGS --format markdown` (parsed as Markdown),
  ```                                or `--format latex` as raw LaTeX for LaTeX/PDF output

  `rate-exponent --smoothness 1,2,4 --gamma anisotropic --arch ssm`{.ratecalc}
                                     inline code with class ratecalc: replaced by the math
                                     of `ratecalc value ARGS` (here \frac{8}{15})

Output that `ratecalc notes` generated between <!-- ratecalc:begin --> and
<!-- ratecalc:end --> is dropped, since the block is rendered afresh.

The executable is `ratecalc` on PATH, or the metadata field `ratecalc-path`.
A failing block stops the rendering with ratecalc's one-line error.
]]

local ratecalc = "ratecalc"

-- LaTeX packages that raw LaTeX from ratecalc uses beyond Pandoc's template (which loads
-- amsmath and amssymb): added to header-includes at the end.
local needed_packages = {}
local package_markers = { booktabs = { "\\toprule", "\\midrule" }, graphicx = { "\\resizebox" } }

local function note_packages(latex)
  for package, markers in pairs(package_markers) do
    for _, marker in ipairs(markers) do
      if latex:find(marker, 1, true) then needed_packages[package] = true end
    end
  end
end

local function add_header_includes(meta)
  local packages = {}
  for package in pairs(needed_packages) do packages[#packages + 1] = package end
  if #packages == 0 then return nil end
  table.sort(packages)
  local include = pandoc.MetaBlocks({ pandoc.RawBlock("latex", "\\usepackage{" .. table.concat(packages, ",") .. "}") })
  local existing = meta["header-includes"]
  local list = pandoc.MetaList({})
  if existing ~= nil then
    if existing.t == "MetaList" or (existing.t == nil and type(existing[1]) == "table" and existing[1].t ~= nil and existing[1].t:match("^Meta")) then
      for _, item in ipairs(existing) do list[#list + 1] = item end
    else
      list[1] = existing
    end
  end
  list[#list + 1] = include
  meta["header-includes"] = list
  return meta
end

-- Splits arguments like a POSIX shell does for plain words (quotes and backslashes, no
-- expansion), the same rules as `ratecalc notes`.
local function split_words(text)
  local words, current, in_word, i = {}, {}, false, 1
  local function unclosed(quote)
    error("ratecalc filter: unclosed " .. quote .. " in: " .. text, 0)
  end
  while i <= #text do
    local c = text:sub(i, i)
    if c:match("%s") then
      if in_word then
        words[#words + 1] = table.concat(current)
        current, in_word = {}, false
      end
    elseif c == "'" then
      in_word = true
      local close = text:find("'", i + 1, true) or unclosed("'")
      current[#current + 1] = text:sub(i + 1, close - 1)
      i = close
    elseif c == '"' then
      in_word = true
      i = i + 1
      while text:sub(i, i) ~= '"' do
        if i > #text then unclosed('"') end
        local d, e = text:sub(i, i), text:sub(i + 1, i + 1)
        if d == "\\" and (e == '"' or e == "\\") then
          current[#current + 1] = e
          i = i + 1
        else
          current[#current + 1] = d
        end
        i = i + 1
      end
    elseif c == "\\" then
      in_word = true
      current[#current + 1] = text:sub(i + 1, i + 1)
      i = i + 1
    else
      in_word = true
      current[#current + 1] = c
    end
    i = i + 1
  end
  if in_word then words[#words + 1] = table.concat(current) end
  return words
end

local function run(args)
  local ok, output = pcall(pandoc.pipe, ratecalc, args, "")
  if not ok then
    error("ratecalc filter: `ratecalc " .. table.concat(args, " ") .. "` failed: " .. tostring(output), 0)
  end
  return output
end

local function latex_output()
  return FORMAT:match("latex") ~= nil or FORMAT:match("beamer") ~= nil
end

-- A block's arguments: its lines without `#` comment lines, without a leading `ratecalc`;
-- `rate` when they start with an option; the output format unless the block names one.
local function block_arguments(text)
  local kept = {}
  for line in (text .. "\n"):gmatch("(.-)\n") do
    if not line:match("^%s*#") then kept[#kept + 1] = line end
  end
  local args = split_words(table.concat(kept, " "))
  if args[1] == "ratecalc" then table.remove(args, 1) end
  if #args == 0 then error("ratecalc filter: an empty ratecalc block", 0) end
  if args[1]:sub(1, 1) == "-" then table.insert(args, 1, "rate") end
  local names_format = false
  for _, arg in ipairs(args) do
    if arg == "--format" or arg:sub(1, 9) == "--format=" then names_format = true end
  end
  if args[1] ~= "value" and not names_format then
    args[#args + 1] = "--format"
    args[#args + 1] = latex_output() and "latex" or "markdown"
  end
  return args
end

local function is_marker(block, marker)
  return block.t == "RawBlock" and block.format == "html" and block.text:match("^%s*<!%-%-%s*" .. marker .. "%s*%-%->%s*$") ~= nil
end

return {
  {
    Meta = function(meta)
      if meta["ratecalc-path"] then ratecalc = pandoc.utils.stringify(meta["ratecalc-path"]) end
    end,
  },
  {
    Blocks = function(blocks)
      local kept, skipping = {}, false
      for _, block in ipairs(blocks) do
        if not skipping and is_marker(block, "ratecalc:begin") then
          skipping = true
        elseif skipping then
          if is_marker(block, "ratecalc:end") then skipping = false end
        else
          kept[#kept + 1] = block
        end
      end
      return kept
    end,
  },
  {
    CodeBlock = function(block)
      if not block.classes:includes("ratecalc") then return nil end
      local output = run(block_arguments(block.text))
      if latex_output() then
        note_packages(output)
        return pandoc.RawBlock("latex", output)
      end
      return pandoc.read(output, "markdown").blocks
    end,
    Code = function(code)
      if not code.classes:includes("ratecalc") then return nil end
      local args = split_words(code.text)
      table.insert(args, 1, "value")
      return pandoc.Math("InlineMath", (run(args):gsub("%s+$", "")))
    end,
  },
  {
    Meta = add_header_includes,
  },
}
