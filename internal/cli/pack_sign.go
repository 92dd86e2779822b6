package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/poisehq/poise/internal/atomicfile"
	"github.com/poisehq/poise/kb"
	"github.com/poisehq/poise/kb/packs"
)

// EnvPackKeyPasswordFile names a file holding the signing key's password,
// for scripts that sign packs.
const EnvPackKeyPasswordFile = "POISE_PACK_KEY_PASSWORD_FILE"

func packArgs(n int, what string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) != n {
			return usageError{fmt.Errorf("%q needs %s", cmd.CommandPath(), what)}
		}
		return nil
	}
}

func (c *cli) packBuildCmd() *cobra.Command {
	var out string
	cmd := &cobra.Command{
		Use:   "build DIR",
		Short: "Lint a pack folder and write it as one .poisepack file",
		Long: "Build lints the pack in DIR (see poise pack lint) and, when it has no problem, writes\n" +
			"a .poisepack: a zip of its files with the SHA-256 of each. Sign it with poise pack sign.",
		Args: packArgs(1, "the pack folder, e.g. poise pack build ./my-pack"),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := args[0]
			var buf bytes.Buffer
			p, contents, err := packs.Build(dir, &buf, packs.Limits{})
			var pe *kb.ProblemsError
			if errors.As(err, &pe) {
				for _, pr := range pe.Problems {
					fmt.Fprintf(cmd.OutOrStdout(), "%s: %s\n", filepath.Join(dir, filepath.FromSlash(pr.File))+lineSuffix(pr.Line), pr.Message)
				}
				return withHint(fmt.Errorf("%s has %s; nothing was built", dir, plural(len(pe.Problems), "problem")), "Fix them and build again.")
			}
			if err != nil {
				return withHint(err, "Pass the folder that holds pack.toml.")
			}
			if out == "" {
				out = p.Manifest.ID + "-" + p.Manifest.Version + packs.Ext
			}
			if err := atomicfile.Write(out, buf.Bytes(), 0o644); err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "%s: %s %s, %s in %s\n", out, p.Manifest.ID, p.Manifest.Version, plural(len(p.Items), "item"), plural(len(contents.Files), "file"))
			return nil
		},
	}
	cmd.Flags().StringVarP(&out, "output", "o", "", "the file to write (default ID-VERSION.poisepack)")
	return cmd
}

func lineSuffix(line int) string {
	if line > 0 {
		return fmt.Sprintf(":%d", line)
	}
	return ""
}

func (c *cli) packKeygenCmd() *cobra.Command {
	var out string
	var noPassword bool
	cmd := &cobra.Command{
		Use:   "keygen",
		Short: "Make a minisign key pair for signing packs",
		Long: "Keygen writes NAME.key (secret: keep it off shared drives) and NAME.pub (give it to\n" +
			"agents who want to check signatures by hand). The key is encrypted with a password\n" +
			"asked on the terminal, or read from the file $" + EnvPackKeyPasswordFile + ".",
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			privPath, pubPath := out+".key", out+".pub"
			for _, p := range []string{privPath, pubPath} {
				if _, err := os.Stat(p); err == nil {
					return withHint(fmt.Errorf("%s already exists", p), "Pick another name with -o; a key that signed packs must never be overwritten.")
				}
			}
			password := ""
			if !noPassword {
				var err error
				if password, err = c.secret(EnvPackKeyPasswordFile, "Password for the new key", true); err != nil {
					return err
				}
			}
			key, err := packs.GenerateKey(password)
			if err != nil {
				return err
			}
			if err := atomicfile.Write(privPath, key.Private, 0o600); err != nil {
				return err
			}
			if err := atomicfile.Write(pubPath, key.Public, 0o644); err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "Key %s: secret key in %s, public key in %s\n", key.ID, privPath, pubPath)
			return nil
		},
	}
	cmd.Flags().StringVarP(&out, "output", "o", "poise-pack", "file name for the key pair, without extension")
	cmd.Flags().BoolVar(&noPassword, "no-password", false, "leave the secret key unencrypted (protected only by its file's permissions)")
	return cmd
}

func (c *cli) packSignCmd() *cobra.Command {
	var keyPath string
	cmd := &cobra.Command{
		Use:   "sign FILE|DIR",
		Short: "Sign a .poisepack (writing FILE.minisig) or a pack folder",
		Long: "Sign writes FILE.minisig beside a .poisepack. For a pack published as a folder or a\n" +
			"Git repository it writes .poise/contents.json and its signature into DIR; commit both.",
		Args: packArgs(1, "the .poisepack file or pack folder to sign"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if keyPath == "" {
				return usageError{errors.New("--key is required: the .key file from poise pack keygen")}
			}
			priv, err := os.ReadFile(keyPath)
			if err != nil {
				return withHint(err, "Pass the secret key made by poise pack keygen with --key.")
			}
			password := ""
			if packs.KeyEncrypted(priv) {
				if password, err = c.secret(EnvPackKeyPasswordFile, "Password for "+keyPath, false); err != nil {
					return err
				}
			}
			target := args[0]
			if info, err := os.Stat(target); err == nil && info.IsDir() {
				if err := packs.SignFolder(target, priv, password); err != nil {
					return withHint(err, "Check the folder builds (poise pack build) and the password is right.")
				}
				fmt.Fprintf(cmd.OutOrStdout(), "Signed %s: commit its .poise folder with it\n", target)
				return nil
			}
			p, data, err := readPackFile(target)
			if err != nil {
				return err
			}
			sig, err := packs.Sign(priv, password, data, p.Manifest.ID, p.Manifest.Version)
			if err != nil {
				return withHint(err, "Check the key file and its password.")
			}
			if err := atomicfile.Write(target+packs.SigExt, sig, 0o644); err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "Signed %s %s: %s\n", safe(p.Manifest.ID), safe(p.Manifest.Version), target+packs.SigExt)
			return nil
		},
	}
	cmd.Flags().StringVar(&keyPath, "key", "", "the secret key (.key) to sign with")
	return cmd
}

// readPackFile reads a built pack and its manifest, checking it unpacks.
func readPackFile(path string) (*kb.Pack, []byte, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, withHint(err, "Pass a .poisepack made by poise pack build.")
	}
	p, err := packs.Inspect(data)
	if err != nil {
		return nil, nil, withHint(err, "Pass a .poisepack made by poise pack build.")
	}
	return p, data, nil
}

func (c *cli) packVerifyCmd() *cobra.Command {
	var pubPath string
	cmd := &cobra.Command{
		Use:   "verify FILE",
		Short: "Check a .poisepack's signature and say who signed it",
		Args:  packArgs(1, "the .poisepack file to check"),
		RunE: func(cmd *cobra.Command, args []string) error {
			p, data, err := readPackFile(args[0])
			if err != nil {
				return err
			}
			sig, err := os.ReadFile(args[0] + packs.SigExt)
			if errors.Is(err, fs.ErrNotExist) {
				return withHint(fmt.Errorf("%s is unsigned: there is no %s", args[0], args[0]+packs.SigExt), "Ask the pack's author for the signature file.")
			}
			if err != nil {
				return err
			}
			want := ""
			if pubPath != "" {
				b, err := os.ReadFile(pubPath)
				if err != nil {
					return err
				}
				want = string(b)
			}
			v, err := packs.Verify(data, sig, want)
			if err != nil {
				return withHint(err, "Do not install this file; ask its author for a fresh copy.")
			}
			if v.Pack != p.Manifest.ID || v.Version != p.Manifest.Version {
				return fmt.Errorf("%w: the signature is for %s %s, the file holds %s %s", packs.ErrTampered, safe(v.Pack), safe(v.Version), safe(p.Manifest.ID), safe(p.Manifest.Version))
			}
			fmt.Fprintf(cmd.OutOrStdout(), "Good signature: %s %s signed by key %s\n", safe(p.Manifest.ID), safe(p.Manifest.Version), v.Signer.KeyID)
			if pubPath == "" {
				fmt.Fprintln(cmd.OutOrStdout(), "The key comes with the signature; pass --pub KEY.pub to check it is the key you expect.")
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&pubPath, "pub", "", "a public key (.pub) the signature must match")
	return cmd
}

// safe makes text from a pack printable on one line: control characters
// (which could move the cursor or forge other output) and the marks that
// reorder text (a right-to-left override in a pack's name would turn the
// trust prompt around) are shown escaped, as termText does.
func safe(s string) string {
	return termText(s, false)
}
